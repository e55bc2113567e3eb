export * from './territory.js';
export * from './platform.js';
