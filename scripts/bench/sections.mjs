// The benchmark sections `npm run bench` runs, in order. Each exports { name, title, description, run }.
import { flutterEngineSection } from './flutter-engine.mjs';
import { nativeHeavySection, nativeRenderSection } from './native-render.mjs';
import { scaleOutSection } from './scale-out.mjs';
import { serverStatusSection } from './server-status.mjs';

export const SECTIONS = [nativeRenderSection, nativeHeavySection, flutterEngineSection, serverStatusSection, scaleOutSection];
