// electron-builder: the installers. `npm run dist` builds the current OS's targets.
// COPYDESK_TEST_BUILD=1 keeps the --inspect fuse on so Playwright can drive a packaged build;
// never ship such a build.
const testBuild = process.env.COPYDESK_TEST_BUILD === '1'
// A deb must name a maintainer with an e-mail address and a homepage. Both are the publisher's
// to choose, so they come from the environment; without them electron-builder refuses the deb.
const debMaintainer = process.env.COPYDESK_DEB_MAINTAINER
const homepage = process.env.COPYDESK_HOMEPAGE

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'org.copydesk.desktop',
  productName: 'Copydesk',
  copyright: 'Copyright © Copydesk',
  // The .desktop file, WM_CLASS and Wayland app_id share this name, so docks group the window
  // with its launcher.
  extraMetadata: { desktopName: 'copydesk.desktop', ...(homepage ? { homepage } : {}) },
  directories: { output: 'dist', buildResources: 'build' },
  // Only what the app runs. The production dependencies in node_modules are added by
  // electron-builder itself; the patterns below also apply to them.
  files: [
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    'package.json',
    '!**/*.map',
    '!**/*.{ts,tsx,mts,cts}',
    '!**/{test,tests,__tests__,__fixtures__,bench,benchmark,e2e,example,examples,docs}/**'
  ],
  asar: true,
  // The native image library must be a real file for the OS to load it.
  asarUnpack: ['node_modules/sharp/**', 'node_modules/@img/**'],
  // sharp ships prebuilt N-API binaries that work under Electron as they are; a rebuild would
  // need Electron's headers from the internet.
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: testBuild,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
    // Flipping fuses breaks the ad-hoc signature Apple Silicon requires; re-sign ad hoc (a real
    // identity, when configured, signs over it).
    resetAdHocDarwinSignature: true
  },
  linux: {
    target: ['AppImage', 'deb'],
    executableName: 'copydesk',
    syncDesktopName: true,
    ...(debMaintainer ? { maintainer: debMaintainer } : {}),
    icon: 'resources/icons',
    category: 'Office',
    synopsis: 'Offline newsroom editor',
    description:
      'Copydesk: an offline-first desktop newsroom editor for reporters, editors and the photo desk'
  },
  // electron-builder's own deb scripts make chrome-sandbox setuid root where the kernel has no
  // unprivileged user namespaces, and install an AppArmor profile on Ubuntu 24.04 and later, so
  // Chromium's sandbox works and nothing needs --no-sandbox.
  deb: {
    packageCategory: 'editors',
    priority: 'optional'
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.news',
    icon: 'resources/icon.icns',
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist'
  },
  dmg: { writeUpdateInfo: false },
  win: {
    target: ['nsis'],
    icon: 'resources/icon.ico'
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    differentialPackage: false
  },
  publish: null
}
