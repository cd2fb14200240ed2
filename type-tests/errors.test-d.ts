/** Error classes: literal `name` and `code`, their fields and what they extend. */
import { expectAssignable, expectError, expectType } from 'tsd';
import { isDuckcallError, NoMatchingOverloadError, ProtocolError, SetupError, type Candidate, type DuckcallErrorCode, type Issue } from 'duckcall';

declare const noMatch: NoMatchingOverloadError;
declare const protocolError: ProtocolError;
declare const setupError: SetupError;

expectType<'NoMatchingOverloadError'>(noMatch.name);
expectType<'ERR_NO_MATCHING_OVERLOAD'>(noMatch.code);
expectType<readonly unknown[]>(noMatch.args);
expectType<readonly Candidate[]>(noMatch.candidates);
expectType<string>(noMatch.candidates[0]!.signature);
expectType<readonly Issue[]>(noMatch.candidates[0]!.errors);
expectAssignable<TypeError>(noMatch);

expectType<'ProtocolError'>(protocolError.name);
expectType<'ERR_PROTOCOL'>(protocolError.code);
expectType<readonly Issue[]>(protocolError.errors);
expectAssignable<TypeError>(protocolError);

expectType<'SetupError'>(setupError.name);
expectType<'ERR_DUCKCALL_SETUP'>(setupError.code);
expectAssignable<Error>(setupError);

expectType<'ERR_NO_MATCHING_OVERLOAD' | 'ERR_PROTOCOL' | 'ERR_DUCKCALL_SETUP'>(null as unknown as DuckcallErrorCode);

declare const caught: unknown;
if (isDuckcallError(caught)) {
  expectType<NoMatchingOverloadError | ProtocolError | SetupError>(caught);
  expectType<DuckcallErrorCode>(caught.code);
}
expectError(isDuckcallError(caught, 'ERR_SOMETHING_ELSE'));
