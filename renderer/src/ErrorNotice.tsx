export interface ShownError {
  code?: string;
  message: string;
  remedy?: string;
}

/** A coded error as the user sees it: what happened and the one thing to do about it. */
export function ErrorNotice({ error }: { error: ShownError }) {
  return (
    <div role="alert" className="notice notice-error">
      <strong>{error.message}</strong>
      {error.remedy !== undefined && <p>{error.remedy}</p>}
      {error.code !== undefined && <code className="muted">{error.code}</code>}
    </div>
  );
}
