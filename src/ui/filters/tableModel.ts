// Moved to lib/ so the data service worker can sort without importing ui/.
export * from '../../lib/tableModel';
