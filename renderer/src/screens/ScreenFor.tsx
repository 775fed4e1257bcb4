/** The screen for a (role-checked) route. */
import type { Route } from '../lib/routes.js';
import { DownloadsScreen } from './downloads/DownloadsScreen.js';
import { InstallScreen } from './install/InstallScreen.js';
import { UpgradePathScreen } from './install/UpgradePathScreen.js';
import { OverviewScreen } from './overview/OverviewScreen.js';
import { RequestDetailScreen } from './requests/RequestDetailScreen.js';
import { RequestDraftScreen } from './requests/RequestDraftScreen.js';
import { NewRequestScreen } from './requests/NewRequestScreen.js';
import { RequestsScreen } from './requests/RequestsScreen.js';
import { SettingsScreen } from './settings/SettingsScreen.js';
import { SignInScreen } from './sign-in/SignInScreen.js';
import { SystemDetailScreen } from './systems/SystemDetailScreen.js';
import { SystemsScreen } from './systems/SystemsScreen.js';
import { EngineerRequestScreen } from './workspace/EngineerRequestScreen.js';
import { WorkspaceScreen } from './workspace/WorkspaceScreen.js';

export function ScreenFor({ route }: { route: Route }) {
  switch (route.name) {
    case 'sign-in':
    case 'home':
      return <SignInScreen />;
    case 'overview':
      return <OverviewScreen />;
    case 'systems':
      return <SystemsScreen />;
    case 'system':
      return <SystemDetailScreen key={route.serialNumber} serialNumber={route.serialNumber} />;
    case 'downloads':
      return <DownloadsScreen />;
    case 'install':
      return <InstallScreen key={`${route.serialNumber}/${route.targetName}`} serialNumber={route.serialNumber} targetName={route.targetName} />;
    case 'upgrade':
      return <UpgradePathScreen key={`${route.serialNumber}/${route.version}`} serialNumber={route.serialNumber} version={route.version} />;
    case 'requests':
      return <RequestsScreen />;
    case 'request-draft':
      return <RequestDraftScreen key={route.failureId} failureId={route.failureId} />;
    case 'request-new':
      return <NewRequestScreen key={`${route.serialNumber ?? ''}/${route.outboxKey ?? ''}`} serialNumber={route.serialNumber} outboxKey={route.outboxKey} />;
    case 'request':
      return <RequestDetailScreen key={route.id} id={route.id} />;
    case 'workspace':
      return <WorkspaceScreen />;
    case 'workspace-request':
      return <EngineerRequestScreen key={route.id} id={route.id} />;
    case 'settings':
      return <SettingsScreen />;
  }
}
