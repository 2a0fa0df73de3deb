// Copy text: the async Clipboard API, else select the text in its box for Ctrl+C.

export async function copyText(text: string, box?: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (box) {
      box.focus();
      box.select();
      try {
        // Deprecated but still the only synchronous fallback in some embedded browsers.
        if (document.execCommand?.('copy')) return true;
      } catch {
        /* the selection stays for the user to copy */
      }
    }
    return false;
  }
}
