/**
 * The sample photo and sticker a sandbox resident can send. Zalo hosts a user's media on its CDN and
 * puts the URL in the event; the sandbox hosts these two itself, so nothing leaves this machine.
 */

const PHOTO = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="360" viewBox="0 0 480 360">
<rect width="480" height="360" fill="#dfe9f5"/>
<rect x="110" y="40" width="260" height="290" rx="10" fill="#fff" stroke="#9fb3c8" stroke-width="3"/>
<rect x="140" y="75" width="200" height="16" rx="4" fill="#c0392b"/>
<rect x="140" y="115" width="200" height="10" rx="3" fill="#9fb3c8"/>
<rect x="140" y="140" width="170" height="10" rx="3" fill="#9fb3c8"/>
<rect x="140" y="165" width="185" height="10" rx="3" fill="#9fb3c8"/>
<rect x="140" y="190" width="120" height="10" rx="3" fill="#9fb3c8"/>
<circle cx="300" cy="270" r="32" fill="none" stroke="#c0392b" stroke-width="5"/>
</svg>`;

const STICKER = `<svg xmlns="http://www.w3.org/2000/svg" width="130" height="130" viewBox="0 0 130 130">
<circle cx="65" cy="65" r="58" fill="#ffd43b" stroke="#f08c00" stroke-width="4"/>
<circle cx="45" cy="52" r="8" fill="#5c3c00"/><circle cx="85" cy="52" r="8" fill="#5c3c00"/>
<path d="M38 80 Q65 108 92 80" fill="none" stroke="#5c3c00" stroke-width="7" stroke-linecap="round"/>
</svg>`;

/** File name (as in the event's URL) → SVG text. */
export const SAMPLE_MEDIA: ReadonlyMap<string, string> = new Map([
  ["photo.svg", PHOTO],
  ["sticker.svg", STICKER],
]);
