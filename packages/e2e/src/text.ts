import type { Locator } from 'playwright-core';

/**
 * An element's text as a person reads it: runs of white space as one space, none at the ends. Formatted templates
 * put line breaks and indentation inside elements, which `textContent` keeps and the screen does not show.
 */
export async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}
