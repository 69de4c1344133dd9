/**
 * The page's one click listener for copy buttons (CopyButton.astro): copies the text of the
 * <pre> in the button's .copyable box. A module, so that a component which inserts copy
 * buttons later (a run's fetched details) can make sure it is on the page; it runs once.
 */
document.addEventListener('click', async (event) => {
  const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-copy]');
  const label = button?.querySelector('.copy-label');
  const text = button?.parentElement?.querySelector('pre')?.textContent;
  if (!button || !label || text === undefined || text === null) return;
  try {
    await navigator.clipboard.writeText(text);
    label.textContent = 'Copied';
  } catch {
    label.textContent = 'Copy failed: select the text';
  }
  setTimeout(() => (label.textContent = 'Copy'), 2000);
});
