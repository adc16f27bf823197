/** `init_project`: how to set up fluvie-render and a Flutter project, as a static markdown guide. */
import { z } from 'zod';
import { defineTool, type DefinedTool } from '../tool-definition.js';

export const INIT_PROJECT_GUIDE = `# Start a Fluvie video project

## Without Flutter: render a VideoSpec

1. Install Node.js 20 or newer and ffmpeg (\`apt-get install ffmpeg\` or \`brew install ffmpeg\`).
2. Write a VideoSpec JSON file (call \`get_video_spec_schema\` for the schema), for example \`hello.fluvie.json\`:

\`\`\`json
{
  "fluvieSpec": 1,
  "size": "reels",
  "fps": 30,
  "scenes": [
    {
      "duration": "3s",
      "background": { "kind": "color", "color": "#0D9488" },
      "children": [
        {
          "type": "Text",
          "text": "Hello, Fluvie",
          "style": { "color": "#FFFFFF", "fontSize": 96, "fontWeight": "bold" },
          "animate": [{ "preset": "fadeIn" }]
        }
      ]
    }
  ]
}
\`\`\`

3. Check it: \`npx fluvie-render spec validate hello.fluvie.json\`
4. Render it: \`npx fluvie-render render --spec hello.fluvie.json --out hello.mp4\`

## With Flutter: render your own compositions

1. In your Flutter project, add the dependency: \`flutter pub add fluvie\` (it lands under \`dependencies:\` in pubspec.yaml).
2. Add the capture harness: \`npx fluvie-render init\` writes \`test/render/capture_harness_test.dart\`.
3. Register each composition (a function returning a \`Video\` widget) under a key in the harness's \`compositions\` map.
4. List the keys: \`npx fluvie-render list\`
5. Render one: \`npx fluvie-render render <key> --out video.mp4\` (needs the Flutter SDK on PATH).
`;

export function initProjectTool(): DefinedTool {
  return defineTool({
    name: 'init_project',
    description: 'Return a step-by-step guide to install fluvie-render and start a video project, with or without Flutter.',
    inputSchema: z.object({}),
    run: async () => INIT_PROJECT_GUIDE,
  });
}
