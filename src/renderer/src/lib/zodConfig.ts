import { z } from 'zod'

// The CSP forbids eval. zod probes for it (`new Function`) the first time a schema is built
// unless told not to, and under the CSP the probe alone is a policy violation. This module is the
// renderer's first import, so the setting is in place before any schema module runs.
z.config({ jitless: true })
