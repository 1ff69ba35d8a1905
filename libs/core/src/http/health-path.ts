/** Health probes (/health, /health/live, /health/ready): never rate-limited, never logged. */
export function isHealthPath(path: string): boolean {
  return path === '/health' || path.startsWith('/health/');
}
