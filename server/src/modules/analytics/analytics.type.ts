// The GraphQL types of the analytics module, by theme.
export * from './mspo.type';
export * from './measures.type';
export * from './network.type';
