// `ml-isolation-forest` 0.1.0 ships no types; it is used only as a test oracle.
declare module 'ml-isolation-forest' {
  export class IsolationForest {
    /** Trains every tree on all rows; splits draw from Math.random. */
    constructor(options?: { nEstimators?: number })
    train(trainingSet: ArrayLike<number>[]): void
    /** Scores in (0, 1]; higher is more anomalous. */
    predict(data: ArrayLike<number>[]): number[]
  }
}
