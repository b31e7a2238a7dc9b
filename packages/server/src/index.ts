export * from './workspace/read-workspace-files.js';
export * from './workspace/load-workspace-from-disk.js';
export * from './scaffold/scaffold-service.js';
export * from './scaffold/scaffold-codes.js';
export * from './scaffold/write-folder-atomically.js';
export * from './interchange/import-document.js';
export * from './interchange/export-documents.js';
