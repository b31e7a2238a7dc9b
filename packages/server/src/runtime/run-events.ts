/** What a run tells its observers as it goes: the CLI draws progress from these, or prints them as JSON lines. */
export type RunEvent =
  | { readonly type: 'run-started'; readonly productId: string; readonly runId: string; readonly at: string }
  | { readonly type: 'step'; readonly productId: string; readonly runId: string; readonly step: string }
  | {
      readonly type: 'rows';
      readonly productId: string;
      readonly runId: string;
      readonly output: string;
      readonly rows: number;
    }
  | {
      readonly type: 'run-finished';
      readonly productId: string;
      readonly runId: string;
      readonly status: 'succeeded' | 'failed' | 'cancelled';
      readonly ms: number;
      readonly rowsOut: number;
      readonly error?: { readonly code: string; readonly message: string };
    }
  | { readonly type: 'run-skipped'; readonly productId: string; readonly blockedBy: string };

export type RunObserver = (event: RunEvent) => void;
