import type { ValidateFunction } from 'ajv';

export declare const manifest: ValidateFunction;
export declare const source: ValidateFunction;
export declare const metric: ValidateFunction;
export declare const targets: ValidateFunction;
export declare const notes: ValidateFunction;
export declare const fixture: ValidateFunction;
