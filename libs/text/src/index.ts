export * from './code-points';
export * from './arabic-normalize';
