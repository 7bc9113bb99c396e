export const WEIGHTS: number[]
export const RANGES: [number, number][]
export const CHARSET: string
export function subsetWeight(weight: number): Promise<Uint8Array>
export function writeFonts(dir?: string): Promise<void>
