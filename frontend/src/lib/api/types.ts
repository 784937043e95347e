import type { components, operations } from "./schema";

type Schemas = components["schemas"];

export type User = Schemas["User"];
export type AuthSession = Schemas["AuthSession"];
export type TokenPair = Schemas["TokenPair"];
export type LoginRequest = Schemas["LoginRequest"];
export type RegisterRequest = Schemas["RegisterRequest"];
export type Vendor = Schemas["Vendor"];
export type Role = Schemas["RoleEnum"];
export type Collectible = Schemas["Collectible"];
export type CollectibleRequest = Schemas["CollectibleRequest"];
export type CollectibleStatus = Schemas["CollectibleStatusEnum"];
export type CoverPhoto = Schemas["CoverPhoto"];
export type CollectibleBulkEditRequest = Schemas["CollectibleBulkEditRequest"];
export type CollectibleBulkResult = Schemas["CollectibleBulkResult"];
export type CardDetails = Schemas["CardDetails"];
export type CardDetailsRequest = Schemas["CardDetailsRequest"];
export type PaginatedCollectibleList = Schemas["PaginatedCollectibleList"];
export type PaginatedVendorList = Schemas["PaginatedVendorList"];
export type Category = Schemas["CategoryEnum"];
export type Condition = Schemas["ConditionEnum"];
export type Completeness = Schemas["CompletenessEnum"];
export type Grader = Schemas["GraderEnum"];
export type Language = Schemas["LanguageEnum"];
export type MarketRegion = Schemas["MarketRegionEnum"];
export type Finish = Schemas["FinishEnum"];
export type ErrorBody = Schemas["Error"];

export type CollectibleListQuery = NonNullable<
  operations["collectibles_list"]["parameters"]["query"]
>;
export type CollectibleExportQuery = NonNullable<operations["collectibles_export_list"]["parameters"]["query"]>;

// Price engine: trackers, refresh jobs, price series.
export type Tracker = Schemas["Tracker"];
export type TrackerRequest = Schemas["TrackerRequest"];
export type PatchedTrackerRequest = Schemas["PatchedTrackerRequest"];
export type TrackerSource = Schemas["TrackerSourceEnum"];
export type TrackerStatus = Schemas["TrackerStatusEnum"];
export type TrackerTest = Schemas["TrackerTest"];
export type CatalogueMatch = Schemas["CatalogueMatch"];
export type CatalogueSearchResponse = Schemas["CatalogueSearchResponse"];
export type CatalogueSearchQuery = operations["catalogue_search_retrieve"]["parameters"]["query"];
export type CatalogueSource = CatalogueSearchQuery["source"];
export type ScrapeFailure = Schemas["Failure"];
export type ScrapeJob = Schemas["ScrapeJob"];
export type ScrapeRun = Schemas["ScrapeRun"];
export type VendorRefresh = Schemas["VendorRefresh"];
export type PriceCondition = Schemas["PriceConditionEnum"];
export type PriceSource = Schemas["PriceSourceEnum"];
export type PriceInterval = Schemas["PriceIntervalEnum"];
export type PriceSeriesResponse = Schemas["PriceSeriesResponse"];
export type PriceSeries = Schemas["PriceSeries"];
export type PriceSummary = Schemas["PriceSummary"];
export type PriceChange = Schemas["PriceChange"];
export type PriceEntry = Schemas["PriceEntry"];
export type PriceEntryRequest = Schemas["PriceEntryRequest"];
export type PriceEntryChange = Schemas["PatchedPriceEntryChangeRequest"];

export type PriceSeriesQuery = NonNullable<
  operations["collectibles_prices_retrieve"]["parameters"]["query"]
>;

// Collection value (dashboard) and search.
export type Dashboard = Schemas["Dashboard"];
export type ItemValue = Schemas["ItemValue"];
export type ValueMover = Schemas["ValueMover"];
export type ValueMovers = Schemas["ValueMovers"];
export type CategoryValue = Schemas["CategoryValue"];
export type ValueHistory = Schemas["ValueHistory"];
export type ValuePoint = Schemas["ValuePoint"];
export type ValueRange = Schemas["ValueHistoryRangeEnum"];
export type SearchPage = Schemas["SearchPage"];
export type SearchResult = Schemas["SearchResult"];
export type SearchQuery = operations["search"]["parameters"]["query"];

// Photos and imports.
export type Photo = Schemas["Photo"];
export type ImportJob = Schemas["ImportJob"];
export type ImportStatus = Schemas["ImportStatusEnum"];
export type OnDuplicate = Schemas["OnDuplicateEnum"];
export type ImportJobChanges = Schemas["PatchedImportJobUpdateRequest"];
export type PreviewRow = Schemas["PreviewRow"];
export type RowError = Schemas["RowError"];
export type RealisedGain = Schemas["RealisedGain"];

// Want list, alerts and notifications.
export type CollectiblePriority = Schemas["PriorityEnum"];
export type BestOffers = Schemas["BestOffers"];
export type Offer = Schemas["Offer"];
export type WantBundles = Schemas["WantBundles"];
export type WantBundle = Schemas["Bundle"];
export type WantBundleItem = Schemas["BundleItem"];
export type CollectibleAcquireRequest = Schemas["CollectibleAcquireRequest"];
export type AlertKind = Schemas["AlertRuleKindEnum"];
export type AlertRule = Schemas["AlertRule"];
export type AlertRuleRequest = Schemas["AlertRuleRequest"];
export type AlertRuleChanges = Schemas["PatchedAlertRuleRequest"];
export type AlertEvent = Schemas["AlertEvent"];
export type PaginatedAlertEventList = Schemas["PaginatedAlertEventList"];
export type AppNotification = Schemas["Notification"];
export type PaginatedNotificationList = Schemas["PaginatedNotificationList"];
export type NotificationChannel = Schemas["Channel"];
export type NotificationChannelRequest = Schemas["ChannelWriteRequest"];
export type NotificationChannelChanges = Schemas["PatchedChannelWriteRequest"];
export type ChannelTest = Schemas["ChannelTest"];
export type MarketplaceCredential = Schemas["Credential"];
export type MarketplaceCredentialRequest = Schemas["CredentialWriteRequest"];
export type MarketplaceCredentialChanges = Schemas["PatchedCredentialWriteRequest"];
export type MarketplaceProvider = Schemas["ProviderEnum"];
export type SavedView = Schemas["SavedView"];
export type SavedViewRequest = Schemas["SavedViewWriteRequest"];
export type SavedViewChanges = Schemas["PatchedSavedViewWriteRequest"];
