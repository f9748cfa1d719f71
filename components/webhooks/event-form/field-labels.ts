/**
 * A field path as the admin reads it: `requests[1].params[2].fields[0].name` → "Request 2 ·
 * parameter 3.1 name". Used where a message cannot sit next to its field (toasts, the preview).
 */
export function describeFieldPath(path: string): string {
  const parts = path
    .replace(/\[(\d+)\]/g, ".$1")
    .split(".")
    .filter(Boolean);
  const out: string[] = [];
  let param: number[] | null = null;
  const flush = () => {
    if (param) out.push(`parameter ${param.join(".")}`);
    param = null;
  };
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i] ?? "";
    const next = Number(parts[i + 1]);
    if (part === "request") continue;
    if (part === "requests" && Number.isInteger(next)) {
      out.push(`Request ${next + 1} ·`);
      i += 1;
    } else if ((part === "params" || part === "fields") && Number.isInteger(next)) {
      param = [...(param ?? []), next + 1];
      i += 1;
    } else if (part === "items" && Number.isInteger(next)) {
      flush();
      out.push(`item ${next + 1}`);
      // A text item's form field is `items.N.value`: the item is the field.
      i += parts[i + 2] === "value" ? 2 : 1;
    } else if (part === "headers" && Number.isInteger(next)) {
      out.push(`header ${next + 1}`);
      i += 1;
    } else {
      flush();
      out.push(
        part === "url"
          ? "direction (URL)"
          : part === "rpcMethod"
            ? "JSON-RPC method"
            : part === "timeoutMs"
              ? "timeout"
              : part,
      );
    }
  }
  flush();
  const text = out.join(" ").replace(/^parameter/, "Parameter");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
