/** The default price list (KES cents per segment), used when the platform is first set up. */
export const DEFAULT_PRICING_TIER = {
  name: "Standard",
  defaultRate: 80,
  rates: [
    { country: "KE", operator: "Safaricom", ratePerSegment: 80 },
    { country: "KE", operator: "Airtel", ratePerSegment: 70 },
    { country: "KE", operator: "Telkom", ratePerSegment: 70 },
    { country: "KE", operator: "Equitel", ratePerSegment: 70 },
  ],
} as const;
