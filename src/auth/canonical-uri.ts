import { uriEncode } from "./uri-encoding.js";

/**
 * CanonicalURI for every service but S3 (sigv4.md §5.2): remove dot segments, collapse empty
 * segments, keep a trailing slash, then UriEncode each segment of the path as received — which the
 * client had already encoded once, hence "encoded twice". Mirrors botocore's `normalize_url_path`.
 */
export function canonicalUri(rawPath: string): string {
  if (rawPath === "/" || rawPath === "") return "/";
  const segments: string[] = [];
  for (const segment of rawPath.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      segments.pop();
      continue;
    }
    segments.push(uriEncode(segment));
  }
  const first = rawPath.charCodeAt(0) === 47 ? "/" : "";
  const last = segments.length > 0 && rawPath.charCodeAt(rawPath.length - 1) === 47 ? "/" : "";
  const path = first + segments.join("/") + last;
  return path === "" ? "/" : path;
}
