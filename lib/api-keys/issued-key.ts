/** A key's secret as shown once after creation or rotation. */
export interface IssuedKey {
  name: string;
  prefix: string;
  key: string;
  /** For rotation: how long the replaced key keeps working. */
  graceHours?: number;
}
