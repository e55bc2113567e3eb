export * from './territory.js';
export * from './platform.js';
export * from './identity.js';
export * from './outreach.js';
export * from './outreach-events.js';
export * from './outreach-materials.js';
export * from './files.js';
export * from './outreach-schedule.js';
