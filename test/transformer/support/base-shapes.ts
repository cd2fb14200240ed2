/** A class with `@overload` methods in another module, extended by the decorator tests. */
import { overload, type Overloaded } from '../../../src/index.js';
import type { Circle, Rect } from './shapes.js';

export class BaseShapes {
  @overload('area') areaOfCircle(s: Circle): string {
    return `base circle ${s.r}`;
  }
  @overload('area') areaOfRect(s: Rect): string {
    return `base rect ${s.w * s.h}`;
  }
  declare area: Overloaded<[BaseShapes['areaOfCircle'], BaseShapes['areaOfRect']]>;
}
