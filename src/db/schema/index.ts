export * from './broadcasts.js';
export * from './catalog.js';
export * from './moderation.js';
export * from './owner-alerts.js';
export * from './runtime.js';
export * from './ticket-alerts.js';
export * from './tickets.js';
export * from './users.js';
