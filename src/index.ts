export { overload } from './overload.js';
export { when } from './when.js';
export { optional, rest } from './matchers.js';
export { is, assert, validate, protocol, implement } from './protocol.js';
export { casesOf, which, type CaseInfo } from './introspection.js';
export { NoMatchingOverloadError, ProtocolError, SetupError, isDuckcallError, type DuckcallErrorCode } from './errors.js';
// Called by the transformer's generated `static {}` blocks; public so hand-written TC39 classes can too.
export { installOverloads, type OverloadDecorator } from './decorators.js';

export type { Overloaded } from './types/overloaded.js';
export type { Protocol, ProtocolDefinition } from './types/protocol.js';
export type { Matcher, PlainMatcher, Optional, Rest, MatchedBy, ArgsOf } from './types/matcher.js';
export type { Issue, Validation, Candidate } from './types/issue.js';
export type { StandardSchemaV1 } from './types/standard-schema.js';
