/** A signing secret shown once after it was issued. */
export interface IssuedSecret {
  label: string;
  secret: string;
  overlapHours?: number;
}
