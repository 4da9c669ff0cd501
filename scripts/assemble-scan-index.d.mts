export const SOURCE: URL;
export const OUTPUT: URL;
export function assembleScanIndex(text: string): Promise<Buffer>;
export function updateScanIndex(): Promise<boolean>;
