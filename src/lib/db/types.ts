// Row types of every table, for Kysely. Keep in step with the migrations in ./migrations.
import type { Generated, Insertable, Selectable } from 'kysely';
import type { UNMET_NEED_REASON } from '../vocabulary';

export interface OrganizationTable {
  id: string;
  name: string;
  alternate_name: string | null;
  description: string | null;
  email: string | null;
  website: string | null;
  logo: string | null;
  uri: string | null;
  parent_organization_id: string | null;
  source: string | null;
  /** Hash of the organisation as last written (with its identifiers), to tell when it changed. */
  record_hash: string | null;
}

export interface OrganizationIdentifierTable {
  id: string;
  organization_id: string;
  identifier_scheme: string | null;
  identifier_type: string;
  identifier: string;
}

export interface ServiceTable {
  id: string;
  organization_id: string;
  name: string;
  alternate_name: string | null;
  description: string | null;
  url: string | null;
  email: string | null;
  status: string;
  fees: string | null;
  fees_description: string | null;
  accreditations: string | null;
  eligibility_description: string | null;
  minimum_age: number | null;
  maximum_age: number | null;
  assured_date: string | null;
  assurer_email: string | null;
  alert: string | null;
  last_modified: string | null;
  /** JSON array of referral routes, or null when the record did not say. */
  referral_routes: string | null;
  referral_instructions: string | null;
  capacity_status: string | null;
  waiting_weeks: number | null;
  capacity_updated: string | null;
  /** JSON array of delivery modes as given; null means derive from locations. */
  delivery_modes: string | null;
  /** JSON array of support-to-attend options. */
  support_to_attend: string | null;
  first_visit: string | null;
  /** Who the service is not for, in plain words (extension, added by migration 0003). */
  not_for: string | null;
  /** Extension: community transport or lifts the service offers, as JSON text { description, eligibility }. */
  transport_offered: string | null;
  /** JSON: what a feed sent that has no column, kept to serve back (src/lib/openreferral-schema/kept-properties.ts). */
  extra_properties: string | null;
  /** Extension: 1 when the service visits people at home. */
  home_visits: number | null;
  group_size: string | null;
  source: string | null;
  /** Hash of the record as last imported, so importing the same record again changes nothing. */
  record_hash: string | null;
  imported_at: string;
}

export interface LocationTable {
  id: string;
  location_type: string;
  url: string | null;
  name: string | null;
  alternate_name: string | null;
  description: string | null;
  transportation: string | null;
  latitude: number | null;
  longitude: number | null;
  external_identifier: string | null;
  external_identifier_type: string | null;
  /** Hash of the place as last written (with its addresses, phones, accessibility), to tell when it changed. */
  record_hash: string | null;
  /** Extension: how to get there (stops, parking, cycle parking), as JSON text. */
  transport: string | null;
}

export interface ServiceAtLocationTable {
  id: string;
  service_id: string;
  location_id: string;
  description: string | null;
  position: number;
}

export interface AddressTable {
  id: string;
  location_id: string;
  attention: string | null;
  address_1: string;
  address_2: string | null;
  city: string | null;
  region: string | null;
  state_province: string | null;
  postal_code: string | null;
  country: string | null;
  address_type: string | null;
  position: number;
}

export interface PhoneTable {
  id: string;
  /** Set when the row is about the service at one place only (migration 0012). */
  service_at_location_id: string | null;
  service_id: string | null;
  location_id: string | null;
  contact_id: string | null;
  number: string;
  extension: string | null;
  type: string | null;
  description: string | null;
  position: number;
}

export interface ContactTable {
  id: string;
  /** Set when the row is about the service at one place only (migration 0012). */
  service_at_location_id: string | null;
  service_id: string;
  name: string | null;
  title: string | null;
  department: string | null;
  email: string | null;
  position: number;
}

export interface ScheduleTable {
  id: string;
  /** Set when the row is about the service at one place only (migration 0012). */
  service_at_location_id: string | null;
  service_id: string;
  valid_from: string | null;
  valid_to: string | null;
  dtstart: string | null;
  until: string | null;
  timezone: number | null;
  freq: string | null;
  interval: number | null;
  byday: string | null;
  bymonthday: string | null;
  opens_at: string | null;
  closes_at: string | null;
  schedule_link: string | null;
  attending_type: string | null;
  notes: string | null;
  description: string | null;
  position: number;
}

export interface CostOptionTable {
  id: string;
  service_id: string;
  valid_from: string | null;
  valid_to: string | null;
  option: string | null;
  currency: string | null;
  amount: number | null;
  amount_description: string | null;
  position: number;
}

export interface FundingTable {
  id: string;
  service_id: string;
  source: string | null;
  start_date: string | null;
  end_date: string | null;
  position: number;
}

export interface TaxonomyTable {
  id: string;
  name: string;
  description: string | null;
  uri: string | null;
  version: string | null;
}

export interface TaxonomyTermTable {
  id: string;
  code: string | null;
  name: string;
  description: string | null;
  parent_id: string | null;
  taxonomy: string | null;
  taxonomy_id: string | null;
  term_uri: string | null;
  term: string | null;
  language: string | null;
}

export interface AttributeTable {
  id: string;
  /** The id of the service or location the term applies to. */
  link_id: string;
  /** Which table link_id points into: service, location, organization, organization_identifier, contact, address or accessibility. */
  link_entity: string;
  link_type: string | null;
  taxonomy_term_id: string;
  value: string | null;
  label: string | null;
  position: number;
}

export interface AccessibilityTable {
  id: string;
  location_id: string;
  description: string | null;
  details: string | null;
  url: string | null;
  accessibility: string | null;
  position: number;
}

export interface LanguageTable {
  id: string;
  service_id: string | null;
  location_id: string | null;
  phone_id: string | null;
  name: string | null;
  code: string | null;
  note: string | null;
  position: number;
}

export interface ServiceAreaTable {
  id: string;
  service_id: string;
  name: string | null;
  description: string | null;
  extent: string | null;
  extent_type: string | null;
  uri: string | null;
  service_area: string | null;
  position: number;
}

/** One row per service: the search backend's own copy of what it filters and shows. */
export interface SearchDocumentTable {
  rowid: Generated<number>;
  service_id: string;
  generation: number;
  removed: number;
  sort_name: string;
  assured_date: string | null;
  /** The document's FilterFields as JSON, loaded into memory for filtering and facets. */
  fields: string;
  /** The SearchDocument as JSON without its fields (src/lib/search/search-document.ts), read for a page of results. */
  document: string;
}

/**
 * The search outbox: services whose search documents must be built again, queued in the same
 * transaction as the change to the service (src/lib/directory/service-store.ts) and taken off
 * once search has them (src/lib/search/outbox.ts).
 */
export interface SearchOutboxTable {
  service_id: string;
  queued_at: string;
}

export interface SearchMetaTable {
  key: string;
  value: number;
}

/** Where a feed pull got to (migration 0012), so an interrupted pull resumes rather than starts again. */
export interface FeedPullTable {
  source: string;
  per_page: number;
  next_page: number;
  entries: string;
  started_at: string;
  updated_at: string;
}

/** Another taxonomy's term, as an imported feed uses it, and the category of ours it stands for. */
export interface TaxonomyCrosswalkTable {
  term_id: string;
  taxonomy: string | null;
  term_code: string | null;
  term_name: string;
  parent_term_id: string | null;
  /** Our category code; null while not mapped. */
  category_code: string | null;
  method: 'name' | 'lay_word' | 'parent' | 'panel' | 'none';
  /** Who changed it on the panel's page (a user id); null when mapped on import. */
  decided_by: string | null;
  updated_at: string;
}

export interface DatabaseSchema {
  organization: OrganizationTable;
  organization_identifier: OrganizationIdentifierTable;
  service: ServiceTable;
  location: LocationTable;
  service_at_location: ServiceAtLocationTable;
  address: AddressTable;
  phone: PhoneTable;
  contact: ContactTable;
  schedule: ScheduleTable;
  cost_option: CostOptionTable;
  funding: FundingTable;
  taxonomy: TaxonomyTable;
  taxonomy_term: TaxonomyTermTable;
  attribute: AttributeTable;
  accessibility: AccessibilityTable;
  language: LanguageTable;
  service_area: ServiceAreaTable;
  search_document: SearchDocumentTable;
  search_meta: SearchMetaTable;
  search_outbox: SearchOutboxTable;
  taxonomy_crosswalk: TaxonomyCrosswalkTable;
  postcode: PostcodeTable;
  postcode_centre: PostcodeCentreTable;
  area: AreaTable;
  problem_report: ProblemReportTable;
  link_check: LinkCheckTable;
  rate_limit: RateLimitTable;
  app_setting: AppSettingTable;
  confirmation_link: ConfirmationLinkTable;
  change_history: ChangeHistoryTable;
  reminder: ReminderTable;
  user_account: UserAccountTable;
  user_session: UserSessionTable;
  invitation: InvitationTable;
  organization_editor: OrganizationEditorTable;
  trusted_organization: TrustedOrganizationTable;
  audit_event: AuditEventTable;
  suggestion: SuggestionTable;
  suggestion_field: SuggestionFieldTable;
  practitioner_note: PractitionerNoteTable;
  outbox_message: OutboxMessageTable;
  shortlist: ShortlistTable;
  shortlist_item: ShortlistItemTable;
  referral_count: ReferralCountTable;
  unmet_need_count: UnmetNeedCountTable;
  gap: GapTable;
  key_service: KeyServiceTable;
  feed_pull: FeedPullTable;
}

export interface ProblemReportTable {
  id: string;
  service_id: string;
  /** 'closed', 'full', 'details_wrong', 'moved' or 'other'. */
  kind: string;
  /** JSON array of which details are wrong. */
  details: Generated<string>;
  message: string | null;
  contact_email: string | null;
  created_at: string;
  /** 'open', 'resolved' or 'dismissed'. */
  status: Generated<string>;
  resolved_at: string | null;
  resolved_by: string | null;
  resolution_note: string | null;
}

export interface LinkCheckTable {
  id: Generated<number>;
  service_id: string;
  url: string;
  checked_at: string;
  ok: number;
  status_code: number | null;
  error: string | null;
}

/** Settings the server generates and keeps (e.g. 'confirmation_secret'). */
export interface AppSettingTable {
  key: string;
  value: string;
}

/** A single-use "is it still running?" link for a provider (migration 0006). */
export interface ConfirmationLinkTable {
  id: string;
  service_id: string;
  /** 'check'. */
  purpose: Generated<string>;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  /** 'running', 'running_with_changes', 'paused' or 'closed'. */
  used_answer: string | null;
}

/** One changed field (HSDS `metadata`: see migration 0006 for the mapping). */
export interface ChangeHistoryTable {
  id: Generated<number>;
  /** 'service', 'funding', ... (HSDS resource_type). */
  entity: string;
  entity_id: string;
  /** 'update' or 'create' (HSDS last_action_type). */
  action: Generated<string>;
  field: string;
  old_value: string | null;
  new_value: string | null;
  changed_at: string;
  /** 'provider link <id>', 'admin', 'import', ... */
  changed_by: string;
  reason: string | null;
}

export type ConfirmationLinkRow = Selectable<ConfirmationLinkTable>;
export type ChangeHistoryRow = Selectable<ChangeHistoryTable>;

/** One reminder to check a listing, or a note to the panel (migration 0007). */
export interface ReminderTable {
  id: string;
  service_id: string;
  stage: 'first' | 'reminder' | 'urgent' | 'panel';
  /** The due date of the check it belongs to (YYYY-MM-DD). */
  due_date: string;
  /** An email address, or "community panel" when PANEL_EMAIL is not set. */
  to_address: string;
  subject: string;
  body: string;
  link_path: string | null;
  created_at: string;
  /** 'outbox' (stored, not sent), 'sent' or 'failed'. */
  status: Generated<'outbox' | 'sent' | 'failed'>;
  sent_at: string | null;
  error: string | null;
  /** Times sending was tried (0 while it waits for a mail server). */
  attempts: Generated<number>;
  last_attempt_at: string | null;
}

export type ReminderRow = Selectable<ReminderTable>;

export interface RateLimitTable {
  key: string;
  window_start: number;
  count: number;
}

export interface PostcodeTable {
  /** Normalised: "NE4 5TG". */
  postcode: string;
  /** The district: "NE4". */
  outward: string;
  latitude: number;
  longitude: number;
  /** 'directory' (a listed address), 'shipped' (content/postcodes), 'gb', 'ons' or 'codepoint' (imported files). */
  source: string;
  /** The council (ONS code and name) and ward the postcode is in, when the file said (migration 0011). */
  council_code: string | null;
  council_name: string | null;
  ward_code: string | null;
  ward_name: string | null;
}

/** The centre of a postcode sector ("NE4 5") or district ("NE4") (migration 0011). */
export interface PostcodeCentreTable {
  code: string;
  kind: 'sector' | 'district';
  latitude: number;
  longitude: number;
  postcodes: number;
  council_code: string | null;
}

export interface AreaTable {
  id: string;
  name: string;
  /** 'ward', 'neighbourhood', 'town' or 'district'. */
  kind: string;
  parent_id: string | null;
  latitude: number;
  longitude: number;
  /** GeoJSON Polygon or MultiPolygon geometry as JSON text. */
  outline: string | null;
  population: number | null;
  /** JSON array of other names. */
  aliases: Generated<string>;
}

export type ServiceRow = Selectable<ServiceTable>;
export type OrganizationRow = Selectable<OrganizationTable>;
export type LocationRow = Selectable<LocationTable>;
export type ScheduleRow = Selectable<ScheduleTable>;
export type CostOptionRow = Selectable<CostOptionTable>;
export type FundingRow = Selectable<FundingTable>;
export type NewServiceRow = Insertable<ServiceTable>;

export type Role = 'admin' | 'panel' | 'org_editor' | 'link_worker';

export interface UserAccountTable {
  id: string;
  email: string;
  name: Generated<string>;
  role: Role;
  password_hash: string | null;
  created_at: string;
  updated_at: string;
  last_sign_in_at: string | null;
  disabled_at: string | null;
}
export type UserAccountRow = Selectable<UserAccountTable>;

export interface UserSessionTable {
  id_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  csrf_secret: string;
}

export interface InvitationTable {
  id: string;
  email: string;
  role: Role;
  /** 'join' (make an account) or 'reset' (choose a new password). */
  purpose: Generated<'join' | 'reset'>;
  /** JSON array of organisation ids (org_editor). */
  organization_ids: Generated<string>;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
}
export type InvitationRow = Selectable<InvitationTable>;

export interface OrganizationEditorTable {
  user_id: string;
  organization_id: string;
  added_at: string;
  added_by: string | null;
}

export interface TrustedOrganizationTable {
  organization_id: string;
  trusted_at: string;
  trusted_by: string;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: string;
  event: string;
  actor_id: string | null;
  subject: string | null;
  detail: string | null;
}

export interface SuggestionTable {
  id: string;
  kind: 'change' | 'new';
  service_id: string | null;
  source: string;
  suggested_by: string | null;
  contact_email: string | null;
  message: string | null;
  base_version: string | null;
  created_at: string;
  status: Generated<'open' | 'closed'>;
  closed_at: string | null;
  closed_by: string | null;
}
export type SuggestionRow = Selectable<SuggestionTable>;

export interface SuggestionFieldTable {
  id: Generated<number>;
  suggestion_id: string;
  field: string;
  /** JSON. */
  old_value: string | null;
  /** JSON. */
  new_value: string | null;
  decision: 'accepted' | 'rejected' | null;
  note: string | null;
  decided_by: string | null;
  decided_at: string | null;
}
export type SuggestionFieldRow = Selectable<SuggestionFieldTable>;

export interface PractitionerNoteTable {
  id: string;
  service_id: string;
  author_id: string;
  body: string;
  created_at: string;
  archived_at: string | null;
  archived_by: string | null;
}

export interface OutboxMessageTable {
  id: string;
  purpose: string;
  to_address: string;
  subject: string;
  body: string;
  created_at: string;
  status: Generated<'outbox' | 'sent' | 'failed'>;
  sent_at: string | null;
  error: string | null;
  attempts: Generated<number>;
}

export interface ShortlistTable {
  id: string;
  created_at: string;
  updated_at: string;
  expires_at: string;
}

export interface ShortlistItemTable {
  shortlist_id: string;
  service_id: string;
  position: number;
  added_at: string;
}

export interface ReferralCountTable {
  id: Generated<number>;
  day: string;
  service_id: string;
  kind: 'referred' | 'signposted';
  /** An area id, or '' when not given. */
  area_id: Generated<string>;
  count: Generated<number>;
}

export type UnmetNeedReason = (typeof UNMET_NEED_REASON.values)[number];

export interface UnmetNeedCountTable {
  id: Generated<number>;
  day: string;
  /** A category id, or '' when none was chosen. */
  category_id: Generated<string>;
  area_id: Generated<string>;
  reason: UnmetNeedReason;
  count: Generated<number>;
}

export type GapStatus = 'raised' | 'acknowledged' | 'being_worked_on' | 'resolved';

export interface GapTable {
  id: string;
  area_id: string;
  category_id: string;
  description: string;
  raised_by: string;
  raised_at: string;
  status: Generated<GapStatus>;
  status_changed_at: string;
  status_changed_by: string | null;
  filled_by_service_id: string | null;
}

export interface KeyServiceTable {
  category_id: string;
  service_id: string;
  marked_by: string;
  marked_at: string;
}
