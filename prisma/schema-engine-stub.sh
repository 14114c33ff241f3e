#!/bin/sh
# Stand-in for the Prisma schema engine, which cannot be downloaded here: it answers --version
# so that `prisma generate` runs, and refuses everything else (migrations use the WASM engine).
if [ "$1" = "--version" ]; then echo "schema-engine-cli 0.0.0 (stand-in)"; exit 0; fi
echo "The native Prisma schema engine is not available; use npm run db:migrate." >&2
exit 1
