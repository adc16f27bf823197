/** Typed access to the console page's elements. */

/** Returns the element with `id`, or throws when the page lacks it or it has another type. */
export function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`The console page has no <${type.name}> with id "${id}".`);
  return element;
}

/** Returns the element with `id`, or null when the page leaves it out (the AI section). */
export function optionalById<T extends HTMLElement>(id: string, type: new () => T): T | null {
  const element = document.getElementById(id);
  return element instanceof type ? element : null;
}
