/** Every (parent, key) slot of the plain objects and arrays in `root.root`, the places a near miss can change. */
export function slotsOf(root: Record<string, unknown>): [Record<PropertyKey, unknown>, string][] {
  const slots: [Record<PropertyKey, unknown>, string][] = [];
  const collect = (parent: Record<PropertyKey, unknown>, key: string): void => {
    slots.push([parent, key]);
    const child = parent[key];
    if (typeof child === 'object' && child !== null && (Array.isArray(child) || Object.getPrototypeOf(child) === Object.prototype)) {
      for (const k of Object.keys(child)) collect(child as Record<string, unknown>, k);
    }
  };
  collect(root, 'root');
  return slots;
}
