export * from './role';
export * from './request-scope';
