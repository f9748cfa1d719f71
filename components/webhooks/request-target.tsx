type Target = { method: string; url: string };

/** The request's URL with the host emphasised: the part an admin checks first. */
export function RequestTarget({ request, compact }: { request: Target; compact?: boolean }) {
  const match = /^(https?:\/\/)([^/?#]+)(.*)$/.exec(request.url);
  return (
    <p
      className={`${compact ? "" : "mt-0.5"} truncate font-mono text-xs text-slate-500`}
      title={request.url}
    >
      <span className="mr-1.5 rounded bg-slate-100 px-1 py-px font-semibold text-slate-700">
        {request.method}
      </span>
      {match ? (
        <>
          {/* https is the norm: only a plain http:// scheme is worth the room. */}
          {match[1] === "https://" ? null : match[1]}
          <strong className="font-semibold text-slate-800">{match[2]}</strong>
          {match[3]}
        </>
      ) : (
        request.url
      )}
    </p>
  );
}
