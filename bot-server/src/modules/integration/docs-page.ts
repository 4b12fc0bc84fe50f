import type { JsonSchema, OpenApiDocument, OpenApiMediaType, OpenApiOperation } from "./openapi";
import { SIGNING_RECIPE, signingExample } from "./openapi-examples";

/**
 * The integration API's reference page (GET /api/integration/docs), rendered on the server from the same
 * OpenAPI document the JSON route serves, so the two cannot disagree. Plain HTML and one <style>: no
 * script, nothing from a CDN (the page's own CSP, docs-routes.ts).
 */

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** `code` spans in a description written with backticks. */
function inline(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, "<code>$1</code>");
}

const pre = (value: unknown) =>
  `<pre>${escapeHtml(typeof value === "string" ? value : JSON.stringify(value, null, 2))}</pre>`;

function resolve(document: OpenApiDocument, schema: JsonSchema): JsonSchema {
  const target = schema.$ref;
  if (typeof target !== "string") return schema;
  return document.components.schemas[target.replace("#/components/schemas/", "")] ?? schema;
}

/** A property's type in a few words: type, enum values, format and bounds. */
function typeOf(schema: JsonSchema): string {
  const parts: string[] = [];
  const type = schema.type;
  parts.push(Array.isArray(type) ? type.join(" | ") : typeof type === "string" ? type : "any");
  if (Array.isArray(schema.enum)) parts.push(`one of ${schema.enum.map(String).join(", ")}`);
  if (typeof schema.format === "string") parts.push(schema.format);
  const bounds: [string, string][] = [
    ["minLength", "min length"],
    ["maxLength", "max length"],
    ["minimum", "≥"],
    ["maximum", "≤"],
    ["default", "default"],
  ];
  for (const [key, label] of bounds) {
    const value = schema[key];
    // Zod's safe-integer bounds say nothing to a reader.
    if (value !== undefined && Math.abs(Number(value)) !== Number.MAX_SAFE_INTEGER)
      parts.push(`${label} ${value}`);
  }
  return parts.join("; ");
}

function fieldsTable(document: OpenApiDocument, schema: JsonSchema): string {
  const resolved = resolve(document, schema);
  const properties = (resolved.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((resolved.required ?? []) as string[]);
  const rows = Object.entries(properties).map(
    ([name, property]) =>
      `<tr><td><code>${escapeHtml(name)}</code></td><td>${escapeHtml(typeOf(property))}</td><td>${required.has(name) ? "yes" : "no"}</td></tr>`,
  );
  return `<table><thead><tr><th>Field</th><th>Type</th><th>Required</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function mediaSection(document: OpenApiDocument, media: OpenApiMediaType): string {
  return `${fieldsTable(document, media.schema)}<p>Example / Ví dụ:</p>${pre(media.example)}`;
}

function parametersSection(operation: OpenApiOperation): string {
  if (operation.parameters.length === 0) return "";
  const rows = operation.parameters.map(
    (p) =>
      `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${p.in}</td><td>${p.required ? "yes" : "no"}</td><td>${escapeHtml(typeOf(p.schema))}</td><td>${inline(p.description)}</td><td>${p.example === undefined ? "" : `<code>${escapeHtml(String(p.example))}</code>`}</td></tr>`,
  );
  return `<h4>Parameters / Tham số</h4><table><thead><tr><th>Name</th><th>In</th><th>Required</th><th>Type</th><th>Description</th><th>Example</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function operationSection(
  document: OpenApiDocument,
  method: string,
  path: string,
  operation: OpenApiOperation,
) {
  const body = operation.requestBody?.content["application/json"];
  const responses = Object.entries(operation.responses).map(
    ([status, response]) =>
      `<h5>${escapeHtml(status)} — ${inline(response.description)}</h5>${status.startsWith("2") ? mediaSection(document, response.content["application/json"]) : pre(response.content["application/json"].example)}`,
  );
  return `<section id="${escapeHtml(operation.operationId)}">
<h3><span class="method">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p><strong>${escapeHtml(operation.summary)}</strong> (<code>${escapeHtml(operation.operationId)}</code>)</p>
<p>${inline(operation.description)}</p>
${parametersSection(operation)}
${body === undefined ? "" : `<h4>Request body / Nội dung gửi</h4>${mediaSection(document, body)}`}
<h4>Responses / Phản hồi</h4>
${responses.join("\n")}
</section>`;
}

function operationsOf(
  document: OpenApiDocument,
): { method: string; path: string; operation: OpenApiOperation }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ method, path, operation })),
  );
}

function signingSection(document: OpenApiDocument): string {
  const example = signingExample();
  const schemes = Object.values(document.components.securitySchemes).map(
    (scheme) =>
      `<tr><td><code>${escapeHtml(scheme.name)}</code></td><td>${inline(scheme.description)}</td></tr>`,
  );
  return `<section id="signing">
<h2>Signing / Ký yêu cầu</h2>
<table><thead><tr><th>Header</th><th>Value</th></tr></thead><tbody>${schemes.join("")}</tbody></table>
<ol>${SIGNING_RECIPE.slice(2)
    .map((line) => `<li>${inline(line)}</li>`)
    .join("")}</ol>
<h3>Worked example / Ví dụ</h3>
<table><tbody>
<tr><th>secret</th><td><code>${escapeHtml(example.secret)}</code></td></tr>
<tr><th>X-Timestamp</th><td><code>${escapeHtml(example.timestamp)}</code></td></tr>
<tr><th>raw body</th><td><code>${escapeHtml(example.rawBody)}</code></td></tr>
<tr><th>signed string</th><td><code>${escapeHtml(example.signingInput)}</code></td></tr>
<tr><th>X-Signature</th><td><code>${escapeHtml(example.signature)}</code></td></tr>
</tbody></table>
<p>In Node.js (the reference client, <code>scripts/integration-client.ts</code>, does exactly this):</p>
${pre(`import { createHmac } from "node:crypto";
const timestamp = String(Math.floor(Date.now() / 1000));
const rawBody = JSON.stringify(body);
const signature = createHmac("sha256", secret).update(timestamp + "." + rawBody).digest("hex");
// headers: X-Api-Key: <key>, X-Timestamp: timestamp, X-Signature: signature, Content-Type: application/json`)}
</section>`;
}

function errorsSection(document: OpenApiDocument): string {
  const seen = new Map<string, { code: unknown; description: string }>();
  for (const { operation } of operationsOf(document)) {
    for (const [status, response] of Object.entries(operation.responses)) {
      const example = response.content["application/json"].example as { code?: unknown };
      if (!status.startsWith("2") && !seen.has(status))
        seen.set(status, { code: example.code, description: response.description });
    }
  }
  const rows = [...seen.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([status, { code, description }]) =>
        `<tr><td>${escapeHtml(status)}</td><td><code>${escapeHtml(String(code))}</code></td><td>${inline(description)}</td></tr>`,
    );
  return `<section id="errors">
<h2>Errors / Mã lỗi</h2>
<p>Every error is one JSON envelope <code>{code, number, message, requestId}</code>; <code>message</code> is in Vietnamese. Quote <code>requestId</code> when you report a problem.</p>
<table><thead><tr><th>HTTP</th><th>code</th><th>Meaning</th></tr></thead><tbody>${rows.join("")}</tbody></table>
</section>`;
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
code,pre{font-family:ui-monospace,monospace;font-size:.9em}pre{background:#f4f5f7;padding:.75rem;overflow-x:auto;border-radius:4px}
table{border-collapse:collapse;margin:.5rem 0;width:100%}th,td{border:1px solid #d0d4da;padding:.3rem .5rem;text-align:left;vertical-align:top}
td code{overflow-wrap:anywhere}.method{background:#0b5cad;color:#fff;padding:0 .4rem;border-radius:3px}section{margin-top:2rem}`;

/** The whole page. */
export function renderIntegrationDocs(document: OpenApiDocument, openApiPath: string): string {
  const operations = operationsOf(document);
  const toc = operations
    .map(
      ({ method, path, operation }) =>
        `<li><a href="#${escapeHtml(operation.operationId)}">${method.toUpperCase()} ${escapeHtml(path)}</a> — ${escapeHtml(operation.summary)}</li>`,
    )
    .join("");
  const servers = document.servers.map((server) => `<code>${escapeHtml(server.url)}</code>`).join(", ");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.info.title)}</title><style>${STYLE}</style></head>
<body><main>
<h1>${escapeHtml(document.info.title)}</h1>
<p>Version ${escapeHtml(document.info.version)} · Server: ${servers} · Machine-readable: <a href="${escapeHtml(openApiPath)}">OpenAPI 3.1 document</a></p>
<p>Lets a provincial one-stop system (Một cửa điện tử) report status changes of the dossiers filed through Zalo, so the resident gets the Zalo message, and pull new online dossiers. Keys: <code>npm run admin -- create-integration-key --name &lt;system&gt; --communes &lt;code,code&gt;</code> (the key and secret are printed once).</p>
<h2>Operations / Thao tác</h2><ul>${toc}</ul>
${signingSection(document)}
<h2>Endpoints</h2>
${operations.map(({ method, path, operation }) => operationSection(document, method, path, operation)).join("\n")}
${errorsSection(document)}
</main></body></html>`;
}
