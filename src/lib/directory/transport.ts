// How people get to a service: the transport features a service can have, for the transport
// filter. (The rules that give a service its features are in transportFeatures below.)

/** Features a service's own record can give it; "walk" (near enough to walk) depends on the search. */
export const TRANSPORT_FEATURES = ['bus', 'step_free', 'parking', 'provided', 'no_travel'] as const;
export type TransportFeature = (typeof TRANSPORT_FEATURES)[number];
