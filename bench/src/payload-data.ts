// The payload the protocol rows check: 7 fields, one of them a nested object and one an array.
export interface Payload {
  id: number;
  name: string;
  email: string;
  active: boolean;
  tags: string[];
  address: { street: string; city: string; zip: string };
  createdAt: number;
}

/**
 * Payload number `j`. An invalid one has exactly one wrong leaf, leaf `j % 9` of the 9 (id, name,
 * email, active, an element of tags, street, city, zip, createdAt): validators check fields in
 * different orders (declaration order, alphabetical…), so the invalid set puts the wrong field
 * everywhere in turn instead of where one order finds it first.
 */
export function makePayload(j: number, valid: boolean): unknown {
  const wrong = valid ? -1 : j % 9;
  return {
    id: wrong === 0 ? `${j}` : j,
    name: wrong === 1 ? j : `user${j}`,
    email: wrong === 2 ? null : `user${j}@example.com`,
    active: wrong === 3 ? 'yes' : j % 2 === 0,
    tags: ['a', 'b', wrong === 4 ? j : `t${j}`],
    address: {
      street: wrong === 5 ? j : `${j} Main St`,
      city: wrong === 6 ? false : 'Springfield',
      zip: wrong === 7 ? 1000 + j : `0${1000 + j}`,
    },
    createdAt: wrong === 8 ? '2023-11-14' : 1_700_000_000_000 + j,
  };
}

/** 16 distinct objects of each kind (so no engine can reuse one check's result for the next). */
export const VALID: unknown[] = Array.from({ length: 16 }, (_, j) => makePayload(j, true));
export const INVALID: unknown[] = Array.from({ length: 16 }, (_, j) => makePayload(j, false));
