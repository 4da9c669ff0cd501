export const SOURCE: URL;
export const OUTPUT: URL;
export function assembleScanRecords(text: string): Promise<Buffer>;
export function updateScanRecords(): Promise<boolean>;
