import type { Supporter } from '../supporters/supporter.types.ts';

/** Registered: agreed to the privacy notice and not erased. */
export function isRegistered(supporter: Supporter | null): supporter is Supporter {
  return !!supporter?.consentAt && supporter.status !== 'erased';
}
