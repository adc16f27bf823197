// Capture harness for fluvie-render (written by `fluvie-render init`).
//
// fluvie-render runs this file with `flutter test --no-pub <this file>` and a set of
// --dart-define values. The harness renders one composition frame by frame into the
// sandbox folder FLUVIE_RENDER_OUT_DIR: raw RGBA frames in `frames.rgba`, then
// `manifest.json` (written last) holding the complete ffmpeg arguments. A plain
// `flutter test` run without those defines skips this test.
//
// Register your compositions in `compositions` below; each key becomes a valid
// `fluvie-render render <key>` argument and shows up in `fluvie-render list`.
//
// Written against the public API of Fluvie 0.2.x and 0.3.0: the authoring barrel
// `package:fluvie/fluvie.dart` and, since 0.2.0, the pipeline barrel
// `package:fluvie/rendering.dart` (RenderService, RenderConfig, FrameCache and the
// capture services). It has not been compiled yet, and templates/flutter/README.md in
// fluvie-render lists what was checked.

import 'dart:convert';
import 'dart:io';
import 'dart:math' as math;
import 'dart:ui' as ui;

import 'package:flutter/widgets.dart';
import 'package:flutter_test/flutter_test.dart';
import 'package:fluvie/fluvie.dart';
import 'package:fluvie/rendering.dart';

/// Composition keys and the videos they build. Keys use lowercase letters, digits and `_`.
final Map<String, Video Function()> compositions = <String, Video Function()>{
  // 'intro': buildIntroVideo,
};

const String _key = String.fromEnvironment('FLUVIE_RENDER_KEY');
const String _outDir = String.fromEnvironment('FLUVIE_RENDER_OUT_DIR');
const String _frames = String.fromEnvironment('FLUVIE_RENDER_FRAMES');
const String _noCache = String.fromEnvironment('FLUVIE_RENDER_NO_CACHE');
const String _list = String.fromEnvironment('FLUVIE_RENDER_LIST');
const String _aspect = String.fromEnvironment('FLUVIE_RENDER_ASPECT');
const String _quality = String.fromEnvironment('FLUVIE_RENDER_QUALITY');
const String _format = String.fromEnvironment('FLUVIE_RENDER_FORMAT');
const String _poster = String.fromEnvironment('FLUVIE_RENDER_POSTER');
const String _spec = String.fromEnvironment('FLUVIE_RENDER_SPEC');

void main() {
  testWidgets(
    'fluvie-render capture harness',
    (tester) async {
      if (_list == 'true') {
        // fluvie-render list reads the keys from this exact marker.
        stdout.writeln('fluvie-keys: ${compositions.keys.join(', ')}');
        return;
      }
      expect(_outDir, isNotEmpty, reason: 'FLUVIE_RENDER_OUT_DIR must name the render sandbox');

      final video = await _loadVideo(tester);
      await _capture(tester, video);
    },
    // A plain `flutter test` run passes none of the defines, so only fluvie-render runs this harness.
    skip: _list != 'true' && _key.isEmpty && _spec.isEmpty,
    timeout: Timeout.none,
  );
}

Future<Video> _loadVideo(WidgetTester tester) async {
  if (_spec.isNotEmpty) {
    late final Video video;
    await tester.runAsync(() async {
      final json = jsonDecode(await File(_spec).readAsString()) as Map<String, Object?>;
      video = buildVideo(VideoSpec.fromJson(json));
    });
    return video;
  }
  final build = compositions[_key];
  if (build == null) {
    // fluvie-render turns this marker into an "unknown composition key" error.
    final message = 'Unknown composition key "$_key". Known keys: ${compositions.keys.join(', ')}';
    stdout.writeln('fluvie-unknown-key: $message');
    fail(message);
  }
  return build();
}

Future<void> _capture(WidgetTester tester, Video video) async {
  final aspect = _aspect.isEmpty ? null : Aspect.values.byName(_aspect);
  final longEdge = video.width > video.height ? video.width : video.height;
  final size = aspect?.sizeFor(longEdge);
  final width = size?.width ?? video.width;
  final height = size?.height ?? video.height;
  // `FLUVIE_RENDER_FRAMES` renders the first N frames only, never more than the video has.
  final frameCount = _frames.isEmpty ? video.totalFrames : math.min(int.parse(_frames), video.totalFrames);

  // One physical pixel per video pixel.
  tester.view.physicalSize = ui.Size(width.toDouble(), height.toDouble());
  tester.view.devicePixelRatio = 1.0;
  addTearDown(tester.view.resetPhysicalSize);
  addTearDown(tester.view.resetDevicePixelRatio);

  final config = RenderConfig(
    width: width,
    height: height,
    fps: video.fps,
    frameCount: frameCount,
    // The frame cache is keyed by the render settings and `compositionKey`, not by the
    // composition's content, so an edited spec file under the same path would replay stale
    // frames. Spec renders therefore never use it.
    cacheEnabled: _noCache != 'true' && _spec.isEmpty,
    quality: _quality.isEmpty ? Quality.high : Quality.values.byName(_quality),
  );
  final controller = RenderController();
  final boundaryKey = GlobalKey();
  final composition = aspect == null ? video : AspectScope(aspect: aspect, child: video);
  // A widget test has no ambient Directionality, and text inside the composition needs one.
  await tester.pumpWidget(
    Directionality(
      textDirection: TextDirection.ltr,
      child: RenderModeContext(
        mode: RenderMode.capture,
        child: RenderControllerScope(
          controller: controller,
          child: RepaintBoundary(key: boundaryKey, child: composition),
        ),
      ),
    ),
  );

  final service = RenderService(
    capture: const RepaintBoundaryCaptureService(),
    cache: FrameCache(FrameCache.defaultRoot()),
  );
  final progressFile = Platform.environment['FLUVIE_PROGRESS_FILE'];
  await tester.runAsync(() async {
    await service.captureToDirectory(
      config: config,
      outDir: Directory(_outDir),
      pump: (frame) async {
        controller.seek(frame);
        await tester.pump();
      },
      boundaryKey: boundaryKey,
      compositionKey: _key.isEmpty ? 'spec:$_spec' : _key,
      export: _exportFor(_format, video.export),
      posterFrame: _posterFrame(_poster, video.fps, frameCount),
      onProgress: progressFile == null || progressFile.isEmpty
          ? null
          : (completed, total) => _writeProgress(progressFile, completed, total),
    );
  });
}

/// Maps `FLUVIE_RENDER_FORMAT` to an `Export`. The video's own `export` wins when it has the
/// requested mode, so a spec's `export.fps` for gif is kept. Null means mp4 at `RenderConfig.quality`.
Export? _exportFor(String format, Export? declared) {
  if (format.isEmpty) return declared;
  if (declared != null && declared.mode.name == format && format != 'mp4') return declared;
  return switch (format) {
    'mp4' => null,
    'gif' => const Export.gif(),
    'imageSequence' => const Export.imageSequence(),
    'transparent' => const Export.transparent(),
    _ => throw ArgumentError.value(format, 'FLUVIE_RENDER_FORMAT', 'expected mp4, gif, imageSequence or transparent'),
  };
}

/// Resolves a poster time (`30f`, `1.5s`, `500ms`, `0.3r`) to a frame index within the capture.
int? _posterFrame(String poster, int fps, int frameCount) {
  if (poster.isEmpty) return null;
  final int frame;
  if (poster.indexOf('r') > 0) {
    frame = (double.parse(poster.substring(0, poster.indexOf('r'))) * frameCount).round();
  } else if (poster.endsWith('ms')) {
    frame = (int.parse(poster.substring(0, poster.length - 2)) * fps / 1000).round();
  } else if (poster.endsWith('f')) {
    frame = int.parse(poster.substring(0, poster.length - 1));
  } else if (poster.endsWith('s')) {
    frame = (double.parse(poster.substring(0, poster.length - 1)) * fps).round();
  } else {
    throw ArgumentError.value(poster, 'FLUVIE_RENDER_POSTER', 'expected a time such as 30f, 1.5s, 500ms or 0.3r');
  }
  return frame.clamp(0, frameCount - 1);
}

/// Writes `<completed>/<total>` through a temporary file and a rename, so a reader never sees a partial count.
void _writeProgress(String path, int completed, int total) {
  File('$path.tmp')
    ..writeAsStringSync('$completed/$total', flush: true)
    ..renameSync(path);
}
