import { mount } from '@/components/App';
import { PanelRoot } from '@/components/panel/PanelRoot';
import { prefetchPanel } from '@/components/panel/prefetch';

mount(<PanelRoot />, prefetchPanel);
