/** Resolves with the first SIGTERM or SIGINT (a long-running command's stop), removing both listeners. */
export function untilStopSignal(): Promise<NodeJS.Signals> {
  return new Promise<NodeJS.Signals>((resolve) => {
    const stop = (name: NodeJS.Signals) => () => { process.off('SIGTERM', onTerm); process.off('SIGINT', onInt); resolve(name); };
    const onTerm = stop('SIGTERM');
    const onInt = stop('SIGINT');
    process.once('SIGTERM', onTerm);
    process.once('SIGINT', onInt);
  });
}
