/**
 * A chart for the office's figures, on Apache ECharts — reusable: give it an ECharts `option` and a
 * height (px); it fills the width. Used by the consultation results; meant for case statistics too.
 *
 *   <Chart option={{ xAxis: …, yAxis: …, series: [{ type: 'bar', data }] }} height={240} />
 *
 * Only what is imported below is bundled (echarts/core, the bar and pie charts, grid, tooltip, legend,
 * title, a canvas renderer): add a chart type or component here when a figure needs one. It lives in the
 * office subpackage, so ECharts never reaches the main package.
 * - weapp: a Taro `Canvas type="2d"`, whose node ECharts draws on through a small adapter (the
 *   echarts-for-weixin approach: zrender recognises the mini-program, the adapter gives it the 2d context).
 * - H5: a plain element, as ECharts runs in any browser.
 * taro-react-echarts was tried and left out: it bundles its own copy of React's JSX runtime, sets one
 * global canvas creator for every chart on a page, initialises on the page's onReady (so a chart that
 * appears after data loads never draws) and, on H5, disposes and re-creates each chart after its first frame.
 */
import { Canvas, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  BarChart,
  PieChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  TitleComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

export interface ChartProps {
  /** The ECharts option (setOption, not merged with the previous one). */
  option: ChartOption;
  /** Height in px (the width is the container's). */
  height?: number;
  className?: string;
}

let seq = 0;

/** What ECharts needs of a canvas, over a mini-program canvas 2d node. */
function weappCanvas(node: { getContext(t: '2d'): CanvasRenderingContext2D; width: number; height: number }) {
  const ctx = node.getContext('2d');
  return {
    getContext: (type: string) => (type === '2d' ? ctx : null),
    addEventListener() {},
    removeEventListener() {},
    attachEvent() {},
    detachEvent() {},
    get width() {
      return node.width;
    },
    set width(w: number) {
      node.width = w;
    },
    get height() {
      return node.height;
    },
    set height(h: number) {
      node.height = h;
    },
    measureText: (text: string, font?: string) => {
      ctx.font = font || '12px sans-serif';
      return ctx.measureText(text);
    },
  };
}

export function Chart({ option, height = 240, className }: ChartProps) {
  const id = useRef(`chart-${++seq}`).current;
  const chart = useRef<echarts.ECharts | null>(null);
  const latest = useRef(option);
  latest.current = option;

  useEffect(() => {
    let gone = false;
    const draw = () => chart.current?.setOption(latest.current, true);
    if (process.env.TARO_ENV === 'weapp') {
      void Taro.nextTick(() => {
        Taro.createSelectorQuery()
          .select(`#${id}`)
          .fields({ node: true, size: true })
          .exec((res: Array<{ node?: unknown; width: number; height: number } | null>) => {
            const r = res?.[0];
            if (gone || !r?.node) return;
            const canvas = weappCanvas(r.node as never);
            echarts.setPlatformAPI({ measureText: canvas.measureText });
            const dpr = Taro.getWindowInfo?.().pixelRatio ?? 2;
            chart.current = echarts.init(canvas as never, undefined, {
              width: r.width,
              height: r.height,
              devicePixelRatio: dpr,
            });
            draw();
          });
      });
    } else {
      const el = document.getElementById(id);
      if (el) {
        chart.current = echarts.init(el, undefined, { height });
        draw();
      }
    }
    return () => {
      gone = true;
      chart.current?.dispose();
      chart.current = null;
    };
  }, [id, height]);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  const style = { width: '100%', height: `${height}px` };
  return process.env.TARO_ENV === 'weapp' ? (
    <Canvas type="2d" id={id} canvasId={id} className={className} style={style} />
  ) : (
    <View id={id} className={className} style={style} />
  );
}

/** A horizontal bar chart of labelled counts (options of a question, townships …). */
export function barsOf(rows: { label: string; count: number }[]): ChartOption {
  return {
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label), axisLabel: { fontSize: 14 } },
    series: [
      {
        type: 'bar',
        data: rows.map((r) => r.count),
        itemStyle: { color: '#b3261e' },
        label: { show: true, position: 'right' },
      },
    ],
  };
}

/** A pie of labelled counts (voters and deputies …). */
export function pieOf(rows: { label: string; count: number }[]): ChartOption {
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, textStyle: { fontSize: 14 } },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        data: rows.map((r) => ({ name: r.label, value: r.count })),
        label: { formatter: '{b} {c}', fontSize: 14 },
      },
    ],
  };
}
