/** "Buy till you die" models: BG/NBD, Pareto/NBD, Gamma-Gamma, sBG, CLV and holdout validation. */
export * from './bgnbd';
export * from './clv';
export * from './fit';
export * from './gammagamma';
export * from './model';
export * from './optimize';
export * from './paretonbd';
export * from './sbg';
export * from './special';
export * from './summary';
