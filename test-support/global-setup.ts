// Filled in by the metadata-store work: starts a throwaway PostgreSQL for the tests.
export default function setup(): void {}
