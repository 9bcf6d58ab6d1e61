/** Calls an object's `[Symbol.for("Jupyter.display")]()` and returns its MIME bundle. */
export function display(value: object): Record<string, string> {
  const method = (value as Record<symbol, unknown>)[Symbol.for("Jupyter.display")];
  if (typeof method !== "function") throw new TypeError("The value has no Jupyter display method");
  return method.call(value) as Record<string, string>;
}
