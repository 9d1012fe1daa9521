import type { EventsService } from '@backstage/plugin-events-node';
import type {
  AuditorService,
  AuthService,
  DatabaseService,
  HttpAuthService,
  HttpRouterService,
  LifecycleService,
  LoggerService,
  PermissionsRegistryService,
  PermissionsService,
  RootConfigService,
  SchedulerService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { DomainEvents } from '../events/DomainEvents';
import type { SquadInsightsEvents } from '../events/SquadInsightsEvents';
import type { ComplianceOptions } from '../services/compliancePolicy';
import type { ServiceProfileService } from '../services/ServiceProfileService';

/** The services the plugin depends on, as `plugin.ts` declares them. */
export interface PluginDeps {
  auditor: AuditorService;
  auth: AuthService;
  catalog: CatalogService;
  config: RootConfigService;
  database: DatabaseService;
  events: EventsService;
  httpAuth: HttpAuthService;
  httpRouter: HttpRouterService;
  lifecycle: LifecycleService;
  logger: LoggerService;
  permissions: PermissionsService;
  permissionsRegistry: PermissionsRegistryService;
  scheduler: SchedulerService;
  serviceProfile: ServiceProfileService;
  userInfo: UserInfoService;
}

/** What every feature is built from: the deps, the migrated database and the event bus. */
export interface FeatureContext {
  deps: PluginDeps;
  /** Already migrated: stores built from it skip migrations. */
  database: DatabaseService;
  events: DomainEvents<SquadInsightsEvents>;
  complianceOptions: ComplianceOptions;
}
