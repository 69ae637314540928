import { mount } from '@/components/App';
import { PanelRoot } from '@/components/panel/PanelRoot';

mount(<PanelRoot />);
