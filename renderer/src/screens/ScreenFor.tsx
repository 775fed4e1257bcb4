/**
 * The screen for a (role-checked) route. The table is keyed by route name, so a route without a screen fails to
 * compile; each screen is keyed by its address, so opening another system or request starts its screen afresh.
 */
import { Fragment, type ReactElement } from 'react';
import { hrefOf, type RouteName, type RouteOf } from '../lib/routes.js';
import { ConsoleScreen } from './console/ConsoleScreen.js';
import { ImportBundleScreen } from './bundles/ImportBundleScreen.js';
import { DownloadsScreen } from './downloads/DownloadsScreen.js';
import { InstallScreen } from './install/InstallScreen.js';
import { UpgradePathScreen } from './install/UpgradePathScreen.js';
import { OverviewScreen } from './overview/OverviewScreen.js';
import { RequestDetailScreen } from './requests/RequestDetailScreen.js';
import { RequestDraftScreen } from './requests/RequestDraftScreen.js';
import { NewRequestScreen } from './requests/NewRequestScreen.js';
import { RequestsScreen } from './requests/RequestsScreen.js';
import { ArticleScreen } from './selfhelp/ArticleScreen.js';
import { AskScreen } from './selfhelp/AskScreen.js';
import { CommunityScreen } from './selfhelp/CommunityScreen.js';
import { NewQuestionScreen } from './selfhelp/NewQuestionScreen.js';
import { QuestionScreen } from './selfhelp/QuestionScreen.js';
import { SearchScreen } from './selfhelp/SearchScreen.js';
import { SettingsScreen } from './settings/SettingsScreen.js';
import { SignInScreen } from './sign-in/SignInScreen.js';
import { SystemDetailScreen } from './systems/SystemDetailScreen.js';
import { SystemsScreen } from './systems/SystemsScreen.js';
import { EngineerRequestScreen } from './workspace/EngineerRequestScreen.js';
import { WorkspaceScreen } from './workspace/WorkspaceScreen.js';

const SCREENS: { readonly [N in RouteName]: (route: RouteOf<N>) => ReactElement } = {
  // Signed out, every address but settings resolves to sign-in; home is never shown signed in.
  home: () => <SignInScreen />,
  'sign-in': () => <SignInScreen />,
  overview: () => <OverviewScreen />,
  systems: () => <SystemsScreen />,
  system: (r) => <SystemDetailScreen serialNumber={r.serialNumber} />,
  downloads: () => <DownloadsScreen />,
  'bundle-import': () => <ImportBundleScreen />,
  install: (r) => <InstallScreen serialNumber={r.serialNumber} targetName={r.targetName} />,
  upgrade: (r) => <UpgradePathScreen serialNumber={r.serialNumber} version={r.version} />,
  requests: () => <RequestsScreen />,
  'request-draft': (r) => <RequestDraftScreen failureId={r.failureId} />,
  'request-new': (r) => <NewRequestScreen serialNumber={r.serialNumber} outboxKey={r.outboxKey} />,
  'request-question': (r) => <NewRequestScreen draftKey={r.draftKey} />,
  request: (r) => <RequestDetailScreen id={r.id} />,
  selfhelp: (r) => <SearchScreen route={r} />,
  'selfhelp-article': (r) => <ArticleScreen id={r.id} section={r.section} />,
  'selfhelp-ask': (r) => <AskScreen q={r.q} />,
  'selfhelp-community': (r) => <CommunityScreen route={r} />,
  'selfhelp-question': (r) => <QuestionScreen id={r.id} />,
  'selfhelp-new-question': (r) => <NewQuestionScreen product={r.product} version={r.version} />,
  workspace: () => <WorkspaceScreen />,
  'workspace-request': (r) => <EngineerRequestScreen id={r.id} />,
  console: (r) => <ConsoleScreen area={r.area} id={r.id} />,
  settings: () => <SettingsScreen />,
};

/**
 * Screens whose address follows what is typed in them (a search): they stay the same screen while it changes, so the
 * search box keeps its focus and text.
 */
const FOLLOWS_ITS_ADDRESS: ReadonlySet<RouteName> = new Set(['selfhelp', 'selfhelp-community']);

export function ScreenFor<N extends RouteName>({ route }: { route: RouteOf<N> }) {
  const key = FOLLOWS_ITS_ADDRESS.has(route.name) ? route.name : hrefOf(route);
  return <Fragment key={key}>{SCREENS[route.name](route)}</Fragment>;
}
