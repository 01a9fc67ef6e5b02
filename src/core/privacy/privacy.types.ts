export const CONSENT_ACTIONS = ['consented', 'exported', 'erased'] as const;
export type ConsentAction = (typeof CONSENT_ACTIONS)[number];

/** When a supporter consented, exported or erased their data. */
export interface ConsentRecord {
  id: number;
  campaignId: number;
  supporterId: number | null;
  action: ConsentAction;
  policyVersion: string | null;
  at: Date;
}

/** Which organizer exported supporter data or sent a broadcast. */
export interface AuditEntry {
  id: number;
  campaignId: number;
  actorId: number | null;
  action: string;
  detail: string | null;
  at: Date;
}
